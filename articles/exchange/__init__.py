"""Moving articles in and out of newsannot: pure record parsing here, writes in services."""
