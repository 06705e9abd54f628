"""What was said, understood: action items, decisions, questions, signals, coaching, follow-up."""
