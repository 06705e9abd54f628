"""Figures computed from a finished transcript and video timelines: talk time, engagement, names."""
