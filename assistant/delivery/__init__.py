"""After a meeting: its digest by email (HTML with a plain-text part and an inline chart, each
participant's copy with their own private feedback), the weekly team digest, and posts to
Slack, Microsoft Teams and signed JSON webhooks, each sent with retries.

Pure message building and blocking senders (call them from worker threads); where they run and
what is recorded is the service's business (``api.delivery``).
"""

from .chart import share_chart_png
from .chat import ChannelKind, payload_for, slack_payload, teams_payload, webhook_payload
from .content import MeetingDigest, PersonalFeedback, meeting_digest
from .email_digest import EmailBody, render_meeting_email
from .mailing import Recipient, check_address, send_digest_emails, send_email
from .message import build_message, new_content_id
from .retry import Attempt, RetryPolicy, with_retries
from .smtp import SmtpOptions, send_message
from .webhook import WebhookPost, encode_body, post_json, shown_url, sign
from .weekly import StoredItem, WeeklyDigest, render_weekly_email, weekly_digest

__all__ = [
    "Attempt",
    "ChannelKind",
    "EmailBody",
    "MeetingDigest",
    "PersonalFeedback",
    "Recipient",
    "RetryPolicy",
    "SmtpOptions",
    "StoredItem",
    "WebhookPost",
    "WeeklyDigest",
    "build_message",
    "check_address",
    "encode_body",
    "meeting_digest",
    "new_content_id",
    "payload_for",
    "post_json",
    "render_meeting_email",
    "render_weekly_email",
    "send_digest_emails",
    "send_email",
    "send_message",
    "share_chart_png",
    "shown_url",
    "sign",
    "slack_payload",
    "teams_payload",
    "webhook_payload",
    "weekly_digest",
    "with_retries",
]
