"""Team work and its review: distributing articles (``distribution``), the adjudication
board and its gold-set writes (``adjudication``), agreement and progress figures
(``team``), SVG charts (``charts``, pure), and the reviewers' views and forms."""
