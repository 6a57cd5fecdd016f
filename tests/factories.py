import factory
from django.contrib.auth import get_user_model

from accounts.roles import set_role
from articles.models import Article, Project, Quote, Speaker, StanceTarget, text_sha256


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            set_role(user=user, role=extracted)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    text = factory.Sequence(lambda n: f"– Article number {n} has some text, says Someone.")
    text_sha256 = factory.LazyAttribute(lambda article: text_sha256(article.text))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")


class StanceTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StanceTarget

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Target {n}")


class QuoteFactory(factory.django.DjangoModelFactory):
    """A quote over ``article.text[start:end]`` (the whole text unless given)."""

    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    annotator = factory.SubFactory(UserFactory)
    start = 0
    end = factory.LazyAttribute(lambda quote: len(quote.article.text))
    text = factory.LazyAttribute(lambda quote: quote.article.text[quote.start : quote.end])
