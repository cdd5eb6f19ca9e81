"""Walk-in registration: the applicant form and its save flow."""
