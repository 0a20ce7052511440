// Package pipeline delivers Ballast platforms through CDK Pipelines
// (pipelines.CodePipeline): one pipeline stack that synthesizes the app
// from its repository and deploys every environment as a platform stage
// (platform.NewStage: pinned stack names, explicit account and region).
//
// What it sets, and why:
//   - pipeline type V2 (V1 cannot have triggers and variables);
//   - the source is a CodeStar connection (GitHub, GitLab, Bitbucket),
//     never a personal token;
//   - the synth step installs the Go toolchain go.mod names (GOTOOLCHAIN,
//     downloaded and checked against the Go checksum database) and runs the
//     pinned CDK CLI (CLIVersion): the 3.x CLI cannot read these
//     assemblies, so no step installs an unpinned aws-cdk, and the asset
//     publishing steps use a pinned cdk-assets (CDKAssetsVersion);
//   - CDK's permissions-broadening check installs an unpinned CLI, so it
//     is replaced: before an approval-gated wave a step with the pinned CLI
//     prints each environment's IAM and security-group changes
//     (cdk diff --security-only) for the approver to read;
//   - one wave per profile and region, in promotion order, with a manual
//     approval before the prod waves (Props.ApprovalProfiles);
//   - cross-account KMS keys on the artifact bucket, rotated yearly.
//
// Props.PreDeploy adds steps before each environment's deployment (a
// change-safety guard, integration checks).
package pipeline
