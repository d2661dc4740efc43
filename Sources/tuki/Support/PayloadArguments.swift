import ArgumentParser
import Ledger

// The payloads' enums are the one source of the options' values: `--help` lists their cases, and
// a value outside them is refused before anything is recorded.
extension ParticipantRegistered.Gender: ExpressibleByArgument {}
extension ParticipantRegistered.Role: ExpressibleByArgument {}
extension ConsentRecorded.Scope: ExpressibleByArgument {}
extension ConsentRecorded.GivenBy: ExpressibleByArgument {}
extension EnrolmentStarted.LabourMarketStatus: ExpressibleByArgument {}
extension EnrolmentStarted.EducationLevel: ExpressibleByArgument {}
extension EnrolmentStarted.Answer: ExpressibleByArgument {}
extension EnrolmentEnded.Outcome: ExpressibleByArgument {}
extension ExpertRegistered.Training: ExpressibleByArgument {}
extension ExpertStatusChanged.Status: ExpressibleByArgument {}
extension EngagementAgreed.Kind: ExpressibleByArgument {}
extension EngagementAgreed.Mode: ExpressibleByArgument {}
extension PerDiemPaid.Kind: ExpressibleByArgument {}
extension FITRecorded.Instrument: ExpressibleByArgument {}
extension SurveyAnswered.Wave: ExpressibleByArgument {}
extension SurveyAnswered.RespondentGroup: ExpressibleByArgument {}
extension BIKVAChangeFollowedUp.Status: ExpressibleByArgument {}
extension ProjectRegistered.Funder: ExpressibleByArgument {}
extension ProjectRegistered.CostModel: ExpressibleByArgument {}
extension ActivityCreated.Kind: ExpressibleByArgument {}
extension ActivityCreated.TargetGroup: ExpressibleByArgument {}
extension SessionHeld.Format: ExpressibleByArgument {}
extension CostIncurred.Category: ExpressibleByArgument {}
extension UserRole: ExpressibleByArgument {}
