"""News in: pages fetched safely and read to article text, feeds polled by the worker."""
