import type { IssueState, LocalIssueFields } from '#libs/issues';

/** An issue row read with its labels (and their label) and assignees, as Prisma includes them. */
export interface IssueWithSets {
  title: string;
  description: string;
  state: IssueState;
  milestone: string | null;
  labels: { label: { name: string } }[];
  assignees: { githubLogin: string }[];
}

/** The fields a workspace issue shares with GitHub, from its row. */
export function localFieldsOf(issue: IssueWithSets): LocalIssueFields {
  return {
    title: issue.title,
    description: issue.description,
    state: issue.state,
    labels: issue.labels.map((l) => l.label.name),
    assignees: issue.assignees.map((a) => a.githubLogin),
    milestone: issue.milestone,
  };
}
