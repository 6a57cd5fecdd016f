"""How the OpenAPI schema describes our token authentication."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "articles.api.auth.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'A personal token from /account/tokens/, sent as "Token <token>".',
        }


ERRORS = {
    "400": "Invalid input: the body names each field at fault.",
    "401": "No valid token or session.",
    "403": "Not allowed for your role.",
    "404": "No such object among those you may read.",
    "429": "Too many requests; see Retry-After.",
}

BODY_ERRORS = {
    "413": "The body is over the size limit (4 MiB unless configured; larger for imports).",
    "415": "The body is not JSON (nor JSON lines, where an import takes them).",
}


def document_errors(result, generator, request, public):
    """Every operation can answer these; say so, with the shape DRF gives them."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = {
        "type": "object",
        "additionalProperties": True,
        "description": "A 'detail' message, or field names mapped to messages.",
    }
    for path, methods in result.get("paths", {}).items():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            for code, text in ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": text,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
            if method in ("post", "put", "patch"):
                for code, text in BODY_ERRORS.items():
                    responses.setdefault(
                        code,
                        {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Error"}
                                }
                            },
                        },
                    )
            if method in ("patch", "delete") and "{id}" in path:
                responses.setdefault(
                    "409",
                    {
                        "description": "The quote changed since you read it; 'current' shows it.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result
