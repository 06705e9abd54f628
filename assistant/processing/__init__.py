"""Running the pipelines over a meeting: offline over files (``analyze``) or live (``live``)."""
