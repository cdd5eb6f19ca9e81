"""Job orders, matching and placements screens."""
