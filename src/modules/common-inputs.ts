// Inputs that several modules declare the same way.
import { Unit } from "../cdktf/seam";

/** `tags`: AWS's tag rules, checked at plan time (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
export function tagsInput(unit: Unit, description: string): void {
  unit.variable("tags", {
    description,
    type: "map(string)",
    default: {},
    nullable: false,
    validation: [
      {
        condition: 'alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])',
        errorMessage: 'tags must have keys of 1-128 characters that do not start with "aws:", and values of at most 256 characters.',
      },
    ],
  });
}
