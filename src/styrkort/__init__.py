"""Styrkort: planning and follow-up for Swedish regions and municipalities."""
