"""Document checklists: the checklist tab of an applicant and the expiring-soon page."""
