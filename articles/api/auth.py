"""Token authentication: django-rest-knox with our named, hashed ``ApiToken``."""

import binascii
from datetime import timedelta
from functools import cache
from hmac import compare_digest

from django.contrib.auth.models import Group
from django.db import connections
from django.utils import timezone
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.settings import CONSTANTS
from rest_framework import exceptions

from accounts.models import ApiToken, User
from accounts.roles import Role

LAST_USED_PRECISION = timedelta(minutes=5)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``, checked against the stored hash. One query finds
    the token, its user and the user's role; ``last_used`` is written at most every few
    minutes, so that reads stay reads."""

    def authenticate_credentials(self, token):
        invalid = exceptions.AuthenticationFailed("Invalid token.")
        token = token.decode("utf-8")
        try:
            digest = hash_token(token)
        except (TypeError, binascii.Error):
            raise invalid from None
        for auth_token in _candidates(token[: CONSTANTS.TOKEN_KEY_LENGTH]):
            if not compare_digest(digest, auth_token.digest):
                continue
            if auth_token.expiry is not None and auth_token.expiry < timezone.now():
                auth_token.delete()
                break
            return self.validate_user(auth_token)
        raise invalid

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
            type(token).objects.filter(pk=token.pk).update(last_used=now)
        return user, token


def _candidates(token_key: str) -> list[ApiToken]:
    """The tokens with this key, each with its user and the user's role (``role_name``)."""
    db = ApiToken.objects.db
    sql, token_fields, user_fields, converters = _token_query(db)
    connection = connections[db]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*Role.values, token_key])
        rows = cursor.fetchall()
    found = []
    split = len(token_fields)
    for row in rows:
        if converters:  # what the ORM does to values some databases return raw (SQLite)
            row = list(row)
            for index, functions, column in converters:
                for function in functions:
                    row[index] = function(row[index], column, connection)
        token = ApiToken.from_db(db, token_fields, row[:split])
        user = User.from_db(db, user_fields, row[split:-1])
        user.role_name = row[-1]  # read by User.role
        token.user = user
        found.append(token)
    return found


@cache
def _token_query(db: str) -> tuple[str, list[str], list[str], list]:
    """SQL written once per process: building the same ORM query for every request cost
    more than a millisecond, most of an API read."""
    connection = connections[db]
    quote = connection.ops.quote_name
    tokens, users = ApiToken._meta, User._meta
    memberships = User.groups.through._meta
    fields = [*tokens.concrete_fields, *users.concrete_fields]
    columns = [f"t.{quote(f.column)}" for f in tokens.concrete_fields]
    columns += [f"u.{quote(f.column)}" for f in users.concrete_fields]
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(field.model._meta.db_table)
        functions = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if functions:
            converters.append((index, functions, column))
    roles = ", ".join(["%s"] * len(Role.values))
    groups = quote(Group._meta.db_table)
    # Names from the models; the values are parameters.
    sql = (
        f"SELECT {', '.join(columns)}, "  # noqa: S608
        f"(SELECT g.name FROM {groups} g JOIN {quote(memberships.db_table)} m"
        f" ON m.group_id = g.id WHERE m.user_id = u.id AND g.name IN ({roles}) LIMIT 1)"
        f" FROM {quote(tokens.db_table)} t JOIN {quote(users.db_table)} u"
        f" ON u.{quote(users.pk.column)} = t.{quote(tokens.get_field('user').column)}"
        f" WHERE t.{quote(tokens.get_field('token_key').column)} = %s"
    )
    token_fields = [f.attname for f in tokens.concrete_fields]
    user_fields = [f.attname for f in users.concrete_fields]
    return sql, token_fields, user_fields, converters
