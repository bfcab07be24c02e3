using Trinn.Web.Features.Account;
using Trinn.Web.Features.ActionPlans;
using Trinn.Web.Features.Activities;
using Trinn.Web.Features.Admin;
using Trinn.Web.Features.Api;
using Trinn.Web.Features.Audit;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.CaseReviews;
using Trinn.Web.Features.Fidelity;
using Trinn.Web.Features.Duration;
using Trinn.Web.Features.Employers;
using Trinn.Web.Features.FollowUps;
using Trinn.Web.Features.Opportunities;
using Trinn.Web.Features.Overview;
using Trinn.Web.Features.Placements;
using Trinn.Web.Features.Portfolio;
using Trinn.Web.Features.Referrals;
using Trinn.Web.Features.Research;
using Trinn.Web.Features.Studies;
using Trinn.Web.Features.Surveys;
using Trinn.Web.Features.TimeLog;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrinnHosting();
builder.AddTrinnDatabase();
builder.AddTrinnIdentity();
builder.AddTrinnPages();
builder.AddTrinnSecurity();
builder.AddTrinnAccount();
builder.AddTrinnAdmin();
builder.AddTrinnAudit();
builder.AddTrinnCandidates();
builder.AddTrinnPortfolio();
builder.AddTrinnReferrals();
builder.AddTrinnResearch();
builder.AddTrinnFidelity();
builder.AddTrinnEmployers();
builder.AddTrinnPlacements();
builder.AddTrinnFollowUps();
builder.AddTrinnDuration();
builder.AddTrinnTimeLog();
builder.AddTrinnStudies();
builder.AddTrinnOpportunities();
builder.AddTrinnIndicators();
builder.AddTrinnSurveys();
builder.AddTrinnActionPlans();
builder.AddTrinnCaseReviews();
builder.AddTrinnActivities();
builder.AddTrinnApi();
builder.Services.AddProblemDetails();
builder.AddTrinnDatabaseFailures();

var app = builder.Build();
await app.PrepareDatabaseAsync();

// First: the client's address and scheme as the configured proxies report them (rate limits, sign-in throttling).
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseTrinnExceptionHandler();
    app.UseHsts();
}

app.UseTrinnSecurityHeaders();
// Pages get the Norwegian error page; the API gets problem details (JSON), never HTML.
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseApiTokenScopes();
app.UseAuthorization();

app.MapRazorPages();
app.MapTrinnApi();
app.MapTrinnAudit();
app.MapHealth();
app.MapSurveysApi();

await app.RunAsync();

#pragma warning disable CA1515 // WebApplicationFactory<Program> needs a public entry point type.
public partial class Program;
#pragma warning restore CA1515
