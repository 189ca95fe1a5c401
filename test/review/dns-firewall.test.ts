// cloudshell-review on a network's DNS Firewall: names added to the domain lists its ALLOW rules use
// are a widening (exit 3), named; removing names, or adding them to a list a BLOCK rule uses (the
// control), is not. The rule finds its list by the list's ID where the plan knows it.
import { planOf, resourceChange, review as reviewPlan } from "../support/review";

const same = (address: string, values: Record<string, unknown>) => resourceChange(address, values, values);

/** Something CloudShell in the plan (a role's policy), so that the network is reviewed beside it. */
const POLICY = {
  role: "developer",
  policy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["cloudshell:CreateEnvironment", "cloudshell:CreateSession", "cloudshell:GetEnvironmentStatus", "cloudshell:StartEnvironment"],
        Resource: "*",
      },
    ],
  }),
};

/** A network whose ALLOW rule uses the list "allowed" and whose BLOCK rule uses "everything", the lists' domains before and after. */
function review(allowed: [string[], string[]], everything: [string[], string[]] = [["*"], ["*"]]) {
  const list = (id: string, domains: string[]) => ({ id, name: id, domains });
  return reviewPlan(
    planOf([
      same("aws_iam_role_policy.cloudshell", POLICY),
      same("aws_subnet.private", {
        id: "subnet-0123456789abcdef0",
        vpc_id: "vpc-0123456789abcdef0",
      }),
      resourceChange("aws_route53_resolver_firewall_domain_list.allowed", list("rslvr-fdl-allowed", allowed[0]), list("rslvr-fdl-allowed", allowed[1])),
      resourceChange("aws_route53_resolver_firewall_domain_list.everything", list("rslvr-fdl-everything", everything[0]), list("rslvr-fdl-everything", everything[1])),
      same("aws_route53_resolver_firewall_rule.allow", {
        name: "allow-listed-domains",
        action: "ALLOW",
        firewall_domain_list_id: "rslvr-fdl-allowed",
      }),
      same("aws_route53_resolver_firewall_rule.block", {
        name: "block-every-other-domain",
        action: "BLOCK",
        firewall_domain_list_id: "rslvr-fdl-everything",
      }),
      same("aws_route53_resolver_firewall_rule_group_association.this", {
        vpc_id: "vpc-0123456789abcdef0",
      }),
    ])
  );
}

const AWS = ["*.amazonaws.com"];

describe("cloudshell-review: the DNS Firewall's allowed names", () => {
  test("names added to an ALLOW rule's list widen (exit 3), each named", () => {
    const r = review([AWS, [...AWS, "*.example.com", "pastebin.com"]]);
    expect(r.err).toBe("");
    expect(r.code).toBe(3);
    expect(r.out).toContain("- **network the root module**: the DNS Firewall lets more names resolve: *.example.com, pastebin.com (widens)");
  });

  test("controls: names removed, names added to the BLOCK rule's list, and no change are not a widening (exit 0)", () => {
    for (const r of [review([[...AWS, "*.example.com"], AWS]), review([AWS, AWS], [["*"], ["*", "evil.example"]]), review([AWS, AWS])]) {
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).not.toContain("lets more names resolve");
    }
  });
});
