from django.db import models
from django.utils.crypto import get_random_string
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """A photo in the library. Alt text is required: every picture on the site is described."""

    description = models.CharField(
        "alt text",
        max_length=255,
        help_text=(
            "Describe what the photo shows for people who cannot see it, "
            "e.g. 'White quartz island with a waterfall edge'."
        ),
    )

    admin_form_fields = Image.admin_form_fields

    def get_upload_to(self, filename):
        """original_images/<random>-<name>: a name never used before, and so are its sizes'
        names (Wagtail derives them from it), so media may be cached for good. The prefix
        survives Wagtail's shortening of long names, which cuts from the end."""
        return super().get_upload_to(f"{get_random_string(7).lower()}-{filename}")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
