"""What the assistant hands back: report.json, subtitles, the HTML digest."""
