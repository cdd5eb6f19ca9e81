"""The applicant list and the detail/edit view."""
