"""PDF output (reportlab). Reports take service results and never query the database."""
