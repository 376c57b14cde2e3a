"""Drives rubric-server with the unmodified `canvasapi` package (PyPI), as a real Canvas client.

Usage: python3 interop/canvasapi_check.py http://127.0.0.1:PORT
Creates, reads, lists, updates and deletes rubrics, associations and assessments, and checks
what the server answered. Exits non-zero on the first mismatch; prints 'N passed, 0 failed'.
"""
import sys
import warnings

warnings.filterwarnings("ignore", message="Canvas may respond unexpectedly")

from canvasapi import Canvas
from canvasapi.course import Course
from canvasapi.rubric import RubricAssociation
from canvasapi.util import combine_kwargs
from canvasapi.exceptions import ResourceDoesNotExist, Unauthorized

base = sys.argv[1]
teacher = Canvas(base, "demo-teacher-token")
student = Canvas(base, "demo-student-token")
checks = 0


def check(condition, what):
    global checks
    if not condition:
        print(f"FAILED: {what}")
        print(f"{checks} passed, 1 failed")
        sys.exit(1)
    checks += 1


# rubric-server implements only the rubric endpoints, so build the Course object locally.

course = Course(teacher._Canvas__requester, {"id": 1})

created = course.create_rubric(
    rubric={
        "title": "Interop rubric",
        "criteria": {
            "0": {"description": "Evidence", "ratings": {"0": {"description": "Strong", "points": 5}, "1": {"description": "Weak", "points": 1}}},
            "1": {"description": "Clarity", "criterion_use_range": True, "ratings": {"0": {"description": "Clear", "points": 3}, "1": {"description": "Unclear", "points": 0}}},
        },
    },
    rubric_association={"association_type": "Course", "association_id": 1, "purpose": "bookmark"},
)
rubric = created["rubric"]
check(rubric.title == "Interop rubric", "create_rubric returns the rubric")
check(rubric.points_possible == 8.0, "points_possible is the sum of criterion maxima")
check(created["rubric_association"].association_type == "Course", "create_rubric returns the association")

fetched = course.get_rubric(rubric.id)
check(fetched.data[1]["criterion_use_range"] is True, "get_rubric reads the criteria")
check([r["points"] for r in fetched.data[0]["ratings"]] == [5.0, 1.0], "ratings sorted high to low")

for i in range(11):
    course.create_rubric(rubric={"title": f"Bulk {i}"}, rubric_association={"association_type": "Course", "association_id": 1, "purpose": "bookmark"})
listed = [r.title for r in course.get_rubrics(per_page=4)]
check(len(listed) == 13, f"get_rubrics follows Link pages (got {len(listed)})")

response = teacher._Canvas__requester.request(
    "PUT",
    f"courses/1/rubrics/{rubric.id}",
    _kwargs=combine_kwargs(rubric={"title": "Interop rubric v2", "criteria": {"0": {"description": "Only", "ratings": {"0": {"description": "Full", "points": 10}}}}}),
)
updated = response.json()["rubric"]
check(updated["id"] == rubric.id and updated["points_possible"] == 10.0, "PUT replaces the rubric")

association = course.create_rubric_association(
    rubric_association={"rubric_id": rubric.id, "association_type": "Assignment", "association_id": 1, "purpose": "grading", "use_for_grading": "1"}
)
# canvasapi wraps the {"rubric","rubric_association"} body; read the association from it.
association_id = association.rubric_association["id"]
check(association.rubric_association["use_for_grading"] is True, "create_rubric_association")

assoc = RubricAssociation(teacher._Canvas__requester, {"id": association_id, "course_id": 1})
assoc.update(rubric_association={"hide_score_total": "1"})
with_associations = course.get_rubric(rubric.id, include=["assignment_associations"])
check(with_associations.associations[0]["hide_score_total"] is True, "RubricAssociation.update")

criterion = updated["data"][0]["id"]
assessment = assoc.create_rubric_assessment(
    rubric_assessment={"user_id": 3, "assessment_type": "grading", f"criterion_{criterion}": {"points": 7, "comments": "Good"}}
)
check(assessment.score == 7.0, "create_rubric_assessment scores the submission")
assessment.course_id = 1
assessment.rubric_association_id = association_id
updated_assessment = assessment.update(rubric_assessment={"assessment_type": "grading", f"criterion_{criterion}": {"points": 9}})
check(updated_assessment.id == assessment.id and updated_assessment.score == 9.0, "RubricAssessment.update rescores it")
again = assoc.create_rubric_assessment(rubric_assessment={"user_id": 3, "assessment_type": "grading"})
check(again.id == assessment.id, "one grading assessment per submission")
deleted = assessment.delete()
# Canvas answers a delete with the assessment root-wrapped, which canvasapi keeps as it is.
check(deleted.rubric_assessment["id"] == assessment.id, "RubricAssessment.delete answers with the deleted assessment")
left = course.get_rubric(rubric.id, include=["assessments"], style="full")
check(not getattr(left, "assessments", []), "the deleted assessment is gone")

try:
    Course(student._Canvas__requester, {"id": 1}).get_rubrics()[0]
    check(False, "students may not list rubrics")
except Unauthorized:
    check(True, "students get 401")

assoc.delete()
fetched.course_id = 1
fetched.delete()
try:
    course.get_rubric(rubric.id)
    check(False, "deleted rubric is gone")
except ResourceDoesNotExist:
    check(True, "deleted rubric is 404")

print(f"{checks} passed, 0 failed")
