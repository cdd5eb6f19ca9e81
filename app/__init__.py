"""PMI Desk: the desktop application of Disnakertrans Kota Serang for migrant-worker placement."""

__version__ = "0.1.0"
