"""Work done off the visitor's path: the email to the next person on a slab's waiting list
when the slab passes to them (queued in the transaction that passes it on, sent once, tried
again on the mail schedule when the server fails), and a slab's photo sizes."""

import logging

from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from core import mail
from core.photos import prepare
from yard.emails import passed_on_emails
from yard.holds import hold_passed_on
from yard.models import SlabHold, SlabPhoto, SlabYardPage
from yard.models.pages import SLAB_PHOTO_ROLES

logger = logging.getLogger(__name__)


@task(backend="mail")
def send_passed_on_email(hold_id):
    hold = SlabHold.objects.select_related("lead", "slab__material").get(pk=hold_id)
    yard = SlabYardPage.objects.live().first()  # where the email links to
    if hold.notified_at is not None or hold.state != hold.State.HOLDING or yard is None:
        return  # told already, or it has ended since (sold, released)
    try:
        office, visitor = passed_on_emails(hold, yard)
        if office is not None:
            mail.send(office, about=f"hold-{hold.pk}-office")
        if visitor is not None:
            mail.send(visitor, about=f"hold-{hold.pk}-yours")
    except (mail.MailPaused, *mail.DELIVERY_ERRORS) as error:
        hold.notice_attempts += 1
        hold.save(update_fields=["notice_attempts"])
        if when := mail.retry_at(hold.notice_attempts):
            send_passed_on_email.using(run_after=when).enqueue(hold.pk)
        else:
            logger.error("Hold %s: the email saying the slab is theirs was not sent: %s",
                         hold.pk, error)  # fmt: skip
        return
    hold.notified_at = timezone.now()
    hold.save(update_fields=["notified_at"])


@receiver(hold_passed_on)
def queue_passed_on_email(sender, hold, **kwargs):
    send_passed_on_email.enqueue(hold.pk)


@task(backend="renditions")
def prepare_slab_photos(slab_id):
    """Every size the slab's photos are shown in, made before a visitor asks for one."""
    for photo in SlabPhoto.objects.filter(slab_id=slab_id).select_related("image"):
        prepare(photo.image, SLAB_PHOTO_ROLES)
