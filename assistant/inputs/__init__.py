"""What a meeting arrives as: recordings, per-person folders, transcript files."""
