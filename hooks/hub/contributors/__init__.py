"""Contributors: what people who write content use, derived from the contract.

Owns the field table in CONTRIBUTING.md, the GitHub issue form and the
scaffold that starts a new case-study file, so none of them can disagree with
the validator.
"""
