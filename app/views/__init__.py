"""The Qt face of PMI Desk: widgets, item models and dialogs over ``app.core`` services."""
