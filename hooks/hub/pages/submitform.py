"""The 'Submit a case study' form, rendered from the taxonomy at build time.

Without JavaScript the form stays hidden and the page explains the other
routes; ``docs/assets/submit.js`` reveals it, checks the fields and builds the
file. Every choice offered comes from the taxonomy, so the form cannot offer a
value the validator would refuse.
"""

from __future__ import annotations

from hub.pages.html import esc
from hub.content.records import Contact
from hub.content.taxonomy import Taxonomy, Term

SECTIONS = (
    ("context", "Context", False, "The problem you set out to solve, and your setting: size, the people you serve, what happened before."),
    ("what-we-did", "What we did", True, "What you changed, who was involved and how long it took."),
    ("results", "Results", True, "What happened. Give figures with what they measure, before and after, the period and where they come from. If you have none yet, say so."),
    ("what-didnt-work", "What didn't work", False, "What went wrong, what you changed, what you would do differently."),
    ("what-we-learned", "What we learned", True, "What another practice should know before trying this."),
)
CHECKS = (
    ("consent", "The organisation agrees to share this, and everyone named has agreed to be named."),
    ("no-patient-data", "It contains nothing that could identify a patient."),
    ("licence", "I agree that the text is published under the Open Government Licence v3.0."),
)


def _hint(field_id: str, text: str) -> str:
    return f'<p class="hub-hint" id="{field_id}-hint">{esc(text)}</p><p class="hub-error-message" id="{field_id}-error" hidden></p>'


def _text_field(
    field_id: str, name: str, label: str, hint: str, limit: int, multiline: bool = False, required: bool = True
) -> str:
    described = f"{field_id}-hint {field_id}-error"
    if multiline:
        control = (
            f'<textarea id="{field_id}" name="{name}" rows="3" data-limit="{limit}" '
            f'aria-describedby="{described} {field_id}-count"></textarea>'
            f'<p class="hub-hint" id="{field_id}-count" aria-live="polite">You can enter up to {limit} characters.</p>'
        )
    else:
        control = f'<input type="text" id="{field_id}" name="{name}" data-limit="{limit}" aria-describedby="{described}" spellcheck="true">'
    return (
        f'<div class="hub-field" data-field="{name}" data-required="{str(required).lower()}">'
        f'<label for="{field_id}">{esc(label)}</label>{_hint(field_id, hint)}{control}</div>'
    )


def _choices(
    name: str,
    legend: str,
    hint: str,
    terms: list[tuple[Term, str]],
    kind: str,
    groups: list[tuple[str, list[tuple[Term, str]]]] | None = None,
    required: bool = True,
) -> str:
    """A fieldset of checkboxes or radios; ``value`` is what goes into the file."""
    field_id = f"f-{name}"

    def options(items: list[tuple[Term, str]]) -> str:
        html = ""
        for term, value in items:
            option_id = f"{field_id}-{term.id}"
            description = f'<p class="hub-hint" id="{option_id}-hint">{esc(term.description)}</p>' if kind == "radio" else ""
            described = f' aria-describedby="{option_id}-hint"' if kind == "radio" else ""
            html += (
                f'<div class="hub-choice"><input type="{kind}" id="{option_id}" name="{name}" value="{esc(value)}"{described}>'
                f'<label for="{option_id}">{esc(term.name)}</label>{description}</div>'
            )
        return html

    if groups:
        body = "".join(
            f'<fieldset class="hub-subgroup"><legend>{esc(title)}</legend>{options(items)}</fieldset>' for title, items in groups
        )
    else:
        body = options(terms)
    return (
        f'<fieldset class="hub-field hub-choices" id="{field_id}" data-field="{name}" data-required="{str(required).lower()}" '
        f'aria-describedby="{field_id}-hint {field_id}-error">'
        f"<legend>{esc(legend)}</legend>{_hint(field_id, hint)}{body}</fieldset>"
    )


def render_submit_form(taxonomy: Taxonomy, new_file_url: str | None, programme_team: Contact, alternatives: str) -> str:
    """The whole form block; ``alternatives`` is the HTML shown when JavaScript is off."""
    area_groups = [
        (ics.name, [(a, a.name) for a in taxonomy.areas_of_ics(ics.id)]) for ics in taxonomy.ics
    ] + [("Across London", [(a, a.name) for a in taxonomy.areas if a.ics is None])]
    sections = "".join(
        _text_field(f"f-{key}", key, f"{label}{'' if required else ' (optional)'}", hint, 5000, True, required)
        for key, label, required, hint in SECTIONS
    )
    checks = "".join(
        f'<div class="hub-choice"><input type="checkbox" id="f-check-{key}" name="checks" value="{key}">'
        f'<label for="f-check-{key}">{esc(text)}</label></div>'
        for key, text in CHECKS
    )
    github = f' data-new-file-url="{esc(new_file_url)}"' if new_file_url else ""
    return f"""<div class="hub-submit" data-hub-submit{github}>
<div class="hub-submit__alternatives" data-hub-nojs>{alternatives}</div>
<form class="hub-form" id="hub-submit-form" hidden novalidate aria-labelledby="hub-form-title">
<h2 id="hub-form-title">Your case study</h2>
<p>Every field is required unless it says optional. Nothing is sent anywhere until you choose to: the file is made in your browser.</p>
<div class="hub-error-summary" id="hub-error-summary" tabindex="-1" hidden><h3 id="hub-error-summary-title">There is a problem</h3><ul></ul></div>
{_text_field("f-title", "title", "Title", "What you did and where, in plain words. At most 150 characters.", 150)}
{_text_field("f-summary", "summary", "Summary", "One or two sentences: the problem, the change and the result. Plain text.", 300, multiline=True)}
{_text_field("f-organisation", "organisation", "Organisation", "The practice, network, federation or pharmacy that did the work.", 200)}
{_choices("boroughs", "Where the work happened", "Choose every area that applies.", [], "checkbox", area_groups)}
{_choices("themes", "Themes", "Choose every theme the work serves.", [(t, t.id) for t in taxonomy.themes], "checkbox")}
{_choices("settings", "Settings (optional)", "Where the work happens.", [(s, s.id) for s in taxonomy.settings], "checkbox", required=False)}
{_choices("status", "Status", "Where the work is now.", [(s, s.id) for s in taxonomy.statuses], "radio")}
{_choices("evidence", "Evidence", "The strongest evidence behind your results.", [(e, e.id) for e in taxonomy.evidence], "radio")}
<fieldset class="hub-field hub-choices" id="f-contact" data-field="contact" data-required="true" aria-describedby="f-contact-hint f-contact-error">
<legend>Who readers can contact</legend>{_hint("f-contact", "Name a person only if they agreed to be named.")}
<div class="hub-choice"><input type="radio" id="f-contact-programme" name="contact" value="programme-team" checked><label for="f-contact-programme">The programme team ({esc(programme_team.name)})</label></div>
<div class="hub-choice"><input type="radio" id="f-contact-person" name="contact" value="person" aria-controls="hub-contact-person"><label for="f-contact-person">A named person</label></div>
<div class="hub-conditional" id="hub-contact-person" hidden>
{_text_field("f-contact-name", "contact-name", "Their name", "As they want it shown.", 100, required=False)}
{_text_field("f-contact-role", "contact-role", "Their role", "For example, Practice manager.", 100, required=False)}
{_text_field("f-contact-email", "contact-email", "Their work email address", "Readers will use this address.", 200, required=False)}
</div>
</fieldset>
{sections}
<div class="hub-field" data-field="sources" data-required="false"><label for="f-sources">Sources (optional)</label>{_hint("f-sources", "Web addresses where your figures or reports are published, one per line, starting with https://.")}<textarea id="f-sources" name="sources" rows="3" aria-describedby="f-sources-hint f-sources-error"></textarea></div>
<fieldset class="hub-field hub-choices" id="f-checks" data-field="checks" data-required="true" aria-describedby="f-checks-hint f-checks-error"><legend>Before you create the file</legend>{_hint("f-checks", "Tick all three.")}{checks}</fieldset>
<button type="submit" class="md-button md-button--primary">Create the file</button>
</form>
<section class="hub-result" id="hub-submit-result" hidden aria-labelledby="hub-result-title">
<h2 id="hub-result-title" tabindex="-1">Your case study file is ready</h2>
<p>File name: <code id="hub-result-name"></code></p>
<p>Send it in one of three ways:</p>
<ul class="hub-result__actions">
<li><button type="button" class="md-button" id="hub-download">Download the file</button></li>
<li><button type="button" class="md-button" id="hub-copy">Copy the file</button></li>
<li><a class="md-button" id="hub-open-github" href="#" hidden>Open it in GitHub as a new file</a></li>
</ul>
<p class="hub-hint" id="hub-github-hint" hidden>GitHub opens its "new file" page with your file filled in. Choose "Commit changes", then "Propose changes": GitHub makes the pull request for you. You need a free GitHub account.</p>
<p role="status" id="hub-result-status"></p>
<label for="hub-submit-output">The file</label>
<textarea id="hub-submit-output" rows="18" readonly></textarea>
<p><button type="button" class="md-button" id="hub-edit-again">Change your answers</button></p>
</section>
</div>"""
