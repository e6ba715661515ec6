"""Help-centre articles in several languages, search and feedback."""
