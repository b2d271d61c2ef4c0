"""Job photos, filterable by stone and room."""

from django.core.paginator import Paginator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from core import seo
from core.models import BasePage
from core.photos import rendition
from materials.models import Material

ROOM_CHOICES = [
    ("kitchen", "Kitchen"),
    ("bathroom", "Bathroom"),
    ("outdoor", "Outdoor kitchen"),
    ("commercial", "Commercial"),
    ("laundry", "Laundry room"),
    ("fireplace", "Fireplace"),
]


class GalleryPage(BasePage):
    """/gallery/: finished jobs, newest first, with before-and-after pairs."""

    photos_per_page = 30

    photo_panels = BasePage.photo_panels + [
        InlinePanel("photos", label="Photo", heading="Job photos (newest first)")
    ]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("photos", [index.SearchField("caption")]),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filtered_photos(request))
        return context

    def filtered_photos(self, request):
        """This request's page of photos under its stone and room filters, worked out once
        per request: the template and the JSON-LD show the same photos."""
        # Keyed by the object, not its pk: a page previewed before its first save has none.
        cached = getattr(request, "_gallery_photos", None)
        if cached is not None and cached[0] is self:
            return cached[1]
        materials = list(Material.objects.only("name", "slug"))
        material = request.GET.get("material", "")
        room = request.GET.get("room", "")
        # Unknown values are ignored, so an old or mistyped link still shows photos.
        material = material if material in {m.slug for m in materials} else ""
        room = room if room in dict(ROOM_CHOICES) else ""

        photos = self.photos.select_related("image", "before_image", "material")
        if material:
            photos = photos.filter(material__slug=material)
        if room:
            photos = photos.filter(room=room)

        shown = {
            "photos": Paginator(photos, self.photos_per_page).get_page(request.GET.get("page")),
            "materials": materials,
            "rooms": ROOM_CHOICES,
            "selected_material": material,
            "selected_room": room,
        }
        request._gallery_photos = (self, shown)
        return shown

    def photo_roles(self):
        photos = super().photo_roles()
        for photo in self.photos.select_related("image", "before_image"):
            photos.append((photo.image, ["tile", "lightbox"]))  # a tile on other pages too
            if photo.before_image:  # here each half of a before-and-after pair
                photos += [(photo.image, ["pair"]), (photo.before_image, ["pair"])]
        return photos

    def structured_data(self, request):
        """The photos on this page of the gallery, as the lightbox shows them."""
        images = []
        for photo in self.filtered_photos(request)["photos"]:
            large = rendition(photo.image, "lightbox")
            images.append(
                {
                    "@type": "ImageObject",
                    "contentUrl": seo.absolute(request, large.url),
                    "width": large.width,
                    "height": large.height,
                    "caption": photo.caption,
                }
            )
        gallery = {
            "@context": "https://schema.org",
            "@type": "ImageGallery",
            "name": self.title,
            "description": self.meta_description or None,
            "url": seo.absolute(request, self.get_url(request)),
            "image": images,
        }
        return [*super().structured_data(request), seo.compact(gallery)]


class GalleryPhoto(Orderable):
    """One finished job: the photo, what stone, which room, and optionally how it looked before."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "images.CustomImage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The finished job. Wide photos look best.",
    )
    before_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the same space before the work, shown side by side.",
    )
    caption = models.CharField(max_length=200, help_text="What the job was, in a few words.")
    material = models.ForeignKey(
        Material,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gallery_photos",
        help_text="The stone, for the gallery's stone filter.",
    )
    room = models.CharField(
        max_length=20,
        choices=ROOM_CHOICES,
        default="kitchen",
        help_text="Used by the gallery's room filter.",
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldRowPanel([FieldPanel("material"), FieldPanel("room")]),
        FieldPanel("before_image"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "gallery photo"

    def __str__(self):
        return self.caption
