"""Domain rules of PMI Desk. Pure Python: nothing here imports Qt."""
