from aftersail.core.apps import DomainConfig


class AssignmentConfig(DomainConfig):
    name = "aftersail.assignment"
    label = "assignment"
    verbose_name = "Assignment"
