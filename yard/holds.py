"""Holds on slabs: the one place that changes a hold or a slab's status.

A visitor's hold lasts SLAB_HOLD_HOURS. A slab has one hold at a time: the database refuses a
second (SlabHold's constraint), so of two visitors pressing at the same moment one holds it
and the other is put first on its waiting list. When a hold ends (by time, released by staff)
the next person waiting gets the slab for the same time and is told by email. Every change is
logged on the slab, so its History in the admin shows who held it, for how long, and why it
ended.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.dispatch import Signal, receiver
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.log_actions import log

from yard.models.snippets import Slab, SlabHold

logger = logging.getLogger(__name__)

# Sent in the transaction that gives a slab to someone from its waiting list; yard/tasks.py
# queues their email on it.
hold_passed_on = Signal()
# Sent when a slab's status or hold changes: yard/cache.py purges its pages after commit.
slab_changed = Signal()

HOLDING, WAITING, ENDED = SlabHold.State.HOLDING, SlabHold.State.WAITING, SlabHold.State.ENDED


class NotOnHold(Exception):
    """The slab is not held, so there is nothing to extend or release."""


class Sold(Exception):
    """The slab was sold between the visitor opening its page and asking for it."""


class TooMany(Exception):
    """This visitor holds or waits for MAX_HOLDS_PER_VISITOR slabs already."""


# Holds and places on waiting lists one visitor (one email address or phone number) may have
# at once: enough to choose between, not enough to keep the yard from everyone else.
MAX_HOLDS_PER_VISITOR = 3


def hold_length():
    return datetime.timedelta(hours=settings.SLAB_HOLD_HOURS)


def when(moment):
    """A hold's end as people read it: "Sat 5 Dec, 3:40 PM"."""
    return date_format(timezone.localtime(moment), "D j M, g:i A")


def ask(slab, lead):
    """Hold `slab` for the visitor of `lead`, or, when someone holds it already, put them on its
    waiting list. Returns the SlabHold: the one they have already when they ask twice with the
    same email address. Raises Sold, or TooMany. Run it inside the transaction that stores the
    lead."""
    if Slab.objects.filter(pk=slab.pk, status=Slab.Status.SOLD).exists():
        raise Sold
    same_visitor = Q(pk__in=[])
    if lead.email:
        same_visitor |= Q(lead__email__iexact=lead.email)
    if lead.phone:
        same_visitor |= Q(lead__phone=lead.phone)
    theirs = SlabHold.objects.exclude(state=ENDED).filter(same_visitor)
    if asked := theirs.filter(slab=slab).first():
        return asked
    if theirs.count() >= MAX_HOLDS_PER_VISITOR:
        raise TooMany
    ends = timezone.now() + hold_length()
    try:
        with transaction.atomic():
            hold = SlabHold.objects.create(slab=slab, lead=lead, state=HOLDING, ends_at=ends)
            free = Slab.objects.filter(pk=slab.pk, status=Slab.Status.AVAILABLE)
            if not free.update(status=Slab.Status.ON_HOLD, held_until=ends):
                raise IntegrityError("the slab is not available")
    except IntegrityError:  # held by someone else, a moment ago or long since (or just sold)
        # The slab's row is locked until this request's transaction ends, so people joining
        # its list at the same moment take their places one after another, each counting
        # those before.
        if Slab.objects.select_for_update().get(pk=slab.pk).status == Slab.Status.SOLD:
            raise Sold from None
        hold = SlabHold.objects.create(slab=slab, lead=lead, state=WAITING)
        _log(slab, "yard.waiting", f"{lead.name} joined the waiting list (number "
             f"{waiting_position(hold)}).")  # fmt: skip
        return hold
    slab.status, slab.held_until = Slab.Status.ON_HOLD, ends
    _log(slab, "yard.held", f"Held for {lead.name} until {when(ends)}.")
    return hold


def waiting_position(hold):
    """1 for the first person waiting."""
    before = hold.slab.holds.filter(state=WAITING, pk__lt=hold.pk).count()
    return before + 1


def current_hold(slab):
    return slab.holds.filter(state=HOLDING).select_related("lead").first()


def extend(slab, user):
    """The hold lasts SLAB_HOLD_HOURS more from its current end."""
    with transaction.atomic():
        slab = _locked(slab)
        hold = current_hold(slab)
        if hold is None:
            raise NotOnHold
        hold.ends_at = max(hold.ends_at, timezone.now()) + hold_length()
        hold.save(update_fields=["ends_at"])
        Slab.objects.filter(pk=slab.pk).update(held_until=hold.ends_at)
        _log(slab, "yard.extended", f"Hold for {hold.lead.name} extended until "
             f"{when(hold.ends_at)}.", user)  # fmt: skip
    return hold


def release(slab, user):
    """Staff end the hold; the next person waiting gets the slab."""
    with transaction.atomic():
        slab = _locked(slab)
        hold = current_hold(slab)
        if hold is None and slab.status != Slab.Status.ON_HOLD:
            raise NotOnHold
        if hold is not None:
            _end(hold, "released")
        whose = f" for {hold.lead.name}" if hold else ""
        _log(slab, "yard.released", f"Hold{whose} released.", user)
        return _pass_on(slab)


@receiver(pre_delete, sender="contact.EstimateRequest")
def forget_lead(sender, instance, **kwargs):
    """A lead is being deleted (the customer asked us to): its holds end first, and a slab it
    held passes to the next person waiting."""
    lead = instance
    for hold in lead.slab_holds.exclude(state=ENDED).select_related("slab"):
        with transaction.atomic():
            was_holding = hold.state == HOLDING
            _end(hold, "request deleted")
            if was_holding:
                slab = _locked(hold.slab)
                if current_hold(slab) is None:
                    _log(slab, "yard.released", "Hold released: the request was deleted.")
                    _pass_on(slab)


def mark_sold(slab, user):
    """Sold: off the website; its hold and waiting list end."""
    with transaction.atomic():
        slab = _locked(slab)
        ended = [hold.lead.name for hold in slab.holds.exclude(state=ENDED).select_related("lead")]
        for hold in slab.holds.exclude(state=ENDED):
            _end(hold, "sold")
        Slab.objects.filter(pk=slab.pk).update(status=Slab.Status.SOLD, held_until=None)
        note = "Marked sold." + (f" Ended: {', '.join(ended)}." if ended else "")
        _log(slab, "yard.sold", note, user)


def put_back(slab, user):
    """A slab marked sold by mistake, or a sale fallen through: available again."""
    with transaction.atomic():
        slab = _locked(slab)
        if slab.status != Slab.Status.SOLD:
            return
        Slab.objects.filter(pk=slab.pk).update(status=Slab.Status.AVAILABLE, held_until=None)
        _log(slab, "yard.available", "Back on sale.", user)


def release_expired(now=None):
    """End every hold past its time and pass each slab on. Returns how many ended. Run by
    `manage.py release_expired_holds`, every five minutes in production."""
    now = now or timezone.now()
    expired = SlabHold.objects.filter(state=HOLDING, ends_at__lte=now)
    count = 0
    for slab_id in list(expired.values_list("slab", flat=True)):
        with transaction.atomic():
            slab = Slab.objects.select_for_update().get(pk=slab_id)
            hold = slab.holds.filter(state=HOLDING, ends_at__lte=now).select_related("lead").first()
            if hold is None:  # extended or released since the list was read
                continue
            _end(hold, "expired")
            _log(slab, "yard.expired", f"Hold for {hold.lead.name} ended on time.")
            following = _pass_on(slab)
            count += 1
        logger.info(
            "Hold on slab %s for lead %s expired; %s", slab.pk, hold.lead_id,
            f"passed on to lead {following.lead_id}" if following else "the slab is available",
        )  # fmt: skip
    return count


def _locked(slab):
    """The slab's row, locked until the transaction ends (PostgreSQL): staff and the expiry
    task change one slab one at a time."""
    return Slab.objects.select_for_update().select_related("material").get(pk=slab.pk)


def _end(hold, reason):
    hold.state, hold.ended_at, hold.end_reason = ENDED, timezone.now(), reason
    hold.save(update_fields=["state", "ended_at", "end_reason"])


def _pass_on(slab):
    """The first person waiting (not spam) gets the slab; with no one waiting it is available.
    Returns their hold, or None."""
    following = slab.holds.filter(state=WAITING, lead__is_spam=False).select_related("lead").first()
    if following is None:
        Slab.objects.filter(pk=slab.pk).update(status=Slab.Status.AVAILABLE, held_until=None)
        return None
    following.state, following.ends_at = HOLDING, timezone.now() + hold_length()
    following.save(update_fields=["state", "ends_at"])
    following.lead.kind = type(following.lead).Kind.HOLD  # the lead is a hold now
    following.lead.save(update_fields=["kind"])
    Slab.objects.filter(pk=slab.pk).update(status=Slab.Status.ON_HOLD, held_until=following.ends_at)
    _log(slab, "yard.passed_on", f"Held for {following.lead.name}, next on the waiting list, "
         f"until {when(following.ends_at)}.")  # fmt: skip
    hold_passed_on.send(SlabHold, hold=following)
    return following


def _log(slab, action, note, user=None):
    """Each change is told once: to the slab's History, and to the shared cache."""
    log(instance=slab, action=action, user=user, data={"note": note})
    slab_changed.send(Slab, slab=slab)


# The actions above, as the slab's History lists them (yard/wagtail_hooks.py registers them).
LOG_ACTIONS = {
    "yard.held": "Held for a visitor",
    "yard.waiting": "Visitor joined the waiting list",
    "yard.extended": "Hold extended",
    "yard.released": "Hold released",
    "yard.expired": "Hold ended on time",
    "yard.passed_on": "Held for the next visitor waiting",
    "yard.sold": "Marked sold",
    "yard.available": "Back on sale",
    "yard.imported": "Added by CSV import",
}
