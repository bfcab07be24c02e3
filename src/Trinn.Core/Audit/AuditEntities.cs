namespace Trinn.Core.Audit;

/// <summary>
/// The entity type names the audit trail records for what was read, exported or written outside the entity changes
/// (those are named by their CLR type): the page, API route or list that showed a candidate's data. One name each, so
/// the access log, the seed data and the tests speak of the same thing; a stored name never changes.
/// </summary>
public static class AuditEntities
{
    public const string AccessLog = nameof(AccessLog);

    public const string ActionPlanApi = nameof(ActionPlanApi);

    public const string ActionPlanPage = nameof(ActionPlanPage);

    public const string ActionPlanPrint = nameof(ActionPlanPrint);

    public const string ActivityCandidatePicker = nameof(ActivityCandidatePicker);

    public const string AgreementPage = nameof(AgreementPage);

    public const string CandidateApi = nameof(CandidateApi);

    public const string CandidateExport = nameof(CandidateExport);

    public const string CandidateListApi = nameof(CandidateListApi);

    public const string CandidateScoresApi = nameof(CandidateScoresApi);

    public const string CaseReviewApi = nameof(CaseReviewApi);

    public const string CaseReviewCandidatePicker = nameof(CaseReviewCandidatePicker);

    public const string CaseReviewList = nameof(CaseReviewList);

    public const string CaseReviewNewPage = nameof(CaseReviewNewPage);

    public const string CaseReviewPage = nameof(CaseReviewPage);

    public const string ContactCandidatePicker = nameof(ContactCandidatePicker);

    public const string DetailsPage = nameof(DetailsPage);

    public const string DischargePage = nameof(DischargePage);

    public const string DurationPage = nameof(DurationPage);

    public const string EditPage = nameof(EditPage);

    public const string EmployerContacts = nameof(EmployerContacts);

    public const string EmployerContactsApi = nameof(EmployerContactsApi);

    public const string FollowUpsApi = nameof(FollowUpsApi);

    public const string FollowUpsPage = nameof(FollowUpsPage);

    public const string GroupActivityApi = nameof(GroupActivityApi);

    public const string GroupActivityPage = nameof(GroupActivityPage);

    public const string IndicatorRows = nameof(IndicatorRows);

    public const string JournalNotePage = nameof(JournalNotePage);

    public const string JournalPage = nameof(JournalPage);

    public const string OpportunitiesApi = nameof(OpportunitiesApi);

    public const string OpportunityCandidatePicker = nameof(OpportunityCandidatePicker);

    public const string OpportunityMatches = nameof(OpportunityMatches);

    public const string OpportunityMatchesApi = nameof(OpportunityMatchesApi);

    public const string PasswordReset = nameof(PasswordReset);

    public const string PasswordResetLink = nameof(PasswordResetLink);

    public const string PlacementNewPage = nameof(PlacementNewPage);

    public const string PlacementsApi = nameof(PlacementsApi);

    public const string PlacementsPage = nameof(PlacementsPage);

    public const string PortfolioPage = nameof(PortfolioPage);

    public const string ProfilePage = nameof(ProfilePage);

    public const string ReferralDetailsPage = nameof(ReferralDetailsPage);

    public const string ReferralDuplicateCheck = nameof(ReferralDuplicateCheck);

    public const string ReferralStatusApi = nameof(ReferralStatusApi);

    public const string ReferralStatusPage = nameof(ReferralStatusPage);

    public const string ResearchAnalysis = nameof(ResearchAnalysis);

    public const string ResearchExport = nameof(ResearchExport);

    public const string StagePage = nameof(StagePage);

    public const string StudyConsentPage = nameof(StudyConsentPage);

    public const string StudyEnrolment = nameof(StudyEnrolment);

    public const string SurveySubmission = nameof(SurveySubmission);

    public const string SurveyWaveList = nameof(SurveyWaveList);

    public const string SurveyWavePaper = nameof(SurveyWavePaper);

    public const string TakeBackPage = nameof(TakeBackPage);

    public const string TeamPage = nameof(TeamPage);

    public const string WageSubsidyReviewPage = nameof(WageSubsidyReviewPage);

    public const string WorkplaceWarnings = nameof(WorkplaceWarnings);
}
