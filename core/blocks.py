"""StreamField blocks shared by services, articles and standard pages."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use a section heading for main parts, a sub-heading inside them.",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        description = "A heading that starts a new section."
        preview_value = {"text": "Why choose quartz?", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text="Alt text comes from the photo, or set it here.")
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"
        description = "A photo across the text column, with an optional caption."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        description = "A quotation set apart from the text, with who said it."
        preview_value = {"quote": "Measure twice, cut once.", "attribution": "Shop saying"}


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "components/blocks/faq.html"
        description = "A question with its answer; visitors open it to read the answer."


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=300)
    button_label = blocks.CharBlock(default="Request a free estimate", max_length=60)

    class Meta:
        icon = "pick"
        template = "components/blocks/cta.html"
        description = "A highlighted box with the estimate button and the phone number."
        preview_value = {
            "heading": "Ready to see your new countertop?",
            "text": "Tell us about your project and we will get back to you.",
            "button_label": "Request a free estimate",
        }


class FootnoteBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])
    source = blocks.IntegerBlock(
        min_value=1,
        required=False,
        help_text="Number of the source in the sources list this note refers to.",
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/footnote.html"
        description = "A short side note that points to one of the article's sources."


PARAGRAPH_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()


class PageBodyBlock(BaseStreamBlock):
    """Services and standard pages: adds questions and the estimate call to action."""

    faq = FAQBlock()
    cta = CallToActionBlock()


class ArticleBodyBlock(BaseStreamBlock):
    """Articles: adds notes that point to the sources."""

    footnote = FootnoteBlock()
