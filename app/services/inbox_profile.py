"""The receiving committee's stored profile, read without the signing stack.

The window asks at every start whether its data folder is a receiver; this module answers
with the database alone, so that a cell's start never loads pyHanko (`InboxService` does).
"""

from __future__ import annotations

from app.services.base import ServiceContext, unit_of_work
from app.services.inbox_dto import ReceiverInfo
from app.storage.models_inbox import Receiver

RECEIVER_ROW_ID = 1


def read_receiver(ctx: ServiceContext) -> ReceiverInfo | None:
    """The committee's profile, or None while this data folder is not a receiver."""
    with unit_of_work(ctx) as session:
        row = session.get(Receiver, RECEIVER_ROW_ID)
        return None if row is None else receiver_info(row)


def receiver_info(row: Receiver) -> ReceiverInfo:
    return ReceiverInfo(
        committee_name=row.committee_name,
        superior_body=row.superior_body,
        superior_committee=row.superior_committee,
        place_name=row.place_name,
        signer_name=row.signer_name,
        signer_title=row.signer_title,
        term_start=row.term_start,
        term_end=row.term_end,
        uid=row.uid,
    )
