import factory
import wagtail_factories

from gallery.models import GalleryPage, GalleryPhoto
from images.factories import ImageFactory


class GalleryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GalleryPage

    title = "Gallery"
    slug = "gallery"
    show_in_menus = True


class GalleryPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GalleryPhoto

    image = factory.SubFactory(ImageFactory)
    caption = factory.Sequence(lambda n: f"Finished job {n}")
    room = "kitchen"
    sort_order = factory.Sequence(int)
