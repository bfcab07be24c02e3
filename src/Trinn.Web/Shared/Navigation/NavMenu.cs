namespace Trinn.Web.Shared.Navigation;

/// <summary>A link in the header menu: its label (a SharedResource key) and the Razor page it opens.</summary>
/// <param name="Label">SharedResource key of the link text.</param>
/// <param name="Page">The page's name as Razor Pages knows it (e.g. <c>/Candidates/Index</c>).</param>
internal sealed record NavItem(string Label, string Page);

/// <summary>A group of links under one header button (an Aksel dropdown).</summary>
internal sealed record NavGroup(string Label, IReadOnlyList<NavItem> Items);

/// <summary>
/// The header menu: one list for every role. Who sees a link is not decided here but by the authorization policy
/// of the page it opens (<see cref="PageAccess"/>), so a link shows exactly when the page would let the user in.
/// A new page is one line in the group it belongs to.
/// </summary>
internal static class NavMenu
{
    public static readonly IReadOnlyList<NavGroup> Groups =
    [
        new("Nav_Group_Candidates",
        [
            new("Nav_Portfolio", "/Portfolio/Index"),
            new("Nav_Team", "/Candidates/Index"),
            new("Nav_NewReferral", "/Referrals/New"),
            new("Nav_MyReferrals", "/Referrals/Mine"),
        ]),
        new("Nav_Group_Employers",
        [
            new("Nav_EmployerRegister", "/Employers/Index"),
            new("Nav_EmployerWeek", "/Employers/Week"),
            new("Nav_Opportunities", "/Opportunities/Index"),
        ]),
        new("Nav_Group_FollowUp",
        [
            new("Nav_Calendar", "/FollowUps/Calendar"),
            new("Nav_TimeLog", "/TimeLog/Index"),
            new("Nav_Absence", "/TimeLog/Absence"),
            new("Nav_Activities", "/Activities/Index"),
            new("Nav_CaseReviews", "/CaseReviews/Index"),
        ]),
        new("Nav_Group_Measurement",
        [
            new("Nav_Overview", "/Overview/Index"),
            new("Nav_Fidelity", "/Fidelity/Index"),
            new("Nav_Surveys", "/Surveys/Index"),
        ]),
        new("Nav_Group_Research",
        [
            new("Nav_ResearchAnalysis", "/Research/Index"),
            new("Nav_ResearchStudies", "/Research/Studies"),
            new("Nav_StudyAnalysis", "/Research/Analysis"),
            new("Nav_Power", "/Research/Power"),
        ]),
        new("Nav_Group_Admin",
        [
            new("Nav_Users", "/Admin/Index"),
            new("Nav_Targets", "/Admin/Targets"),
            new("Nav_Studies", "/Studies/Index"),
            new("Nav_Instruments", "/Instruments/Index"),
            new("Nav_Outbox", "/Surveys/Outbox"),
            new("Nav_Audit", "/Audit/Index"),
        ]),
    ];

    /// <summary>The links under the user's name, beside the sign-out button.</summary>
    public static readonly IReadOnlyList<NavItem> UserItems =
    [
        new("Nav_Profile", "/Account/Profile"),
    ];
}
