using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.NationalIds;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.E2E;

/// <summary>
/// The team dashboard (Oversikt) in the browser at desktop and phone width: axe on the dashboard, its trend tables,
/// the list behind a number, the settings pages; charts drawn; no sideways scrolling. Set TRINN_SCREENSHOTS to a
/// folder to keep full-page screenshots of what was checked.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardTests(BrowserFixture fx)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dashboard_EveryRole_AccessibleWithChartsAndNoSidewaysScrolling(bool phone)
    {
        await SeedAsync();
        var mv = await fx.LoginAsync("mv1", phone);
        await mv.GotoAsync("/Overview");
        await Assertions.Expect(mv.Locator("[data-value='caseload']")).Not.ToHaveTextAsync("–");
        // Chart.js has drawn into the canvas (it sizes it to its box).
        Assert.True(await mv.EvaluateAsync<bool>("() => [...document.querySelectorAll('canvas[data-indicator-chart]')].every(c => c.width > 0 && c.getAttribute('style'))"));
        await ScreenshotAsync(mv, phone ? "dashboard-closed-390" : "dashboard-closed-1280");
        await mv.Locator("section[data-indicator='caseload'] figure details > summary").ClickAsync();
        await mv.EvaluateAsync("() => document.querySelectorAll('section[data-indicator] details').forEach(d => d.open = true)");
        await Assertions.Expect(mv.Locator("table[data-trend='caseload'] tbody tr").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(mv);
        await AssertNoSidewaysScrollingAsync(mv);
        await ScreenshotAsync(mv, phone ? "dashboard-390" : "dashboard-1280");

        // The period chooser: a calendar year.
        await mv.CheckAsync("#period-year");
        await mv.ClickAsync("form.trinn-period button[type=submit]");
        await Assertions.Expect(mv.GetByTestId("showing")).ToContainTextAsync("01.01.");
        await mv.CheckAsync("#period-rolling");
        await mv.ClickAsync("form.trinn-period button[type=submit]");

        // The list behind the caseload.
        await mv.ClickAsync("a[data-value='caseload']");
        await Pages.WaitForUrlAsync(mv, new Regex("/Overview/Rows\\?key=caseload"));
        await Assertions.Expect(mv.GetByTestId("indicator-rows")).ToContainTextAsync("Dashbord");
        await Axe.AssertAccessibleAsync(mv);
        await AssertNoSidewaysScrollingAsync(mv);
        await mv.Context.CloseAsync();

        var js1 = await fx.LoginAsync("js1", phone);
        await js1.GotoAsync("/Overview");
        await Assertions.Expect(js1.Locator("[data-own='caseload']")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(js1);
        await AssertNoSidewaysScrollingAsync(js1);
        await js1.GotoAsync("/TimeLog/Absence");
        await Axe.AssertAccessibleAsync(js1);
        await js1.ClickAsync("main form.trinn-form button[type=submit]");
        await Assertions.Expect(js1.Locator("#Input_From-error")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(js1);
        await js1.GotoAsync("/Employers/Week");
        await Axe.AssertAccessibleAsync(js1);
        await js1.Context.CloseAsync();

        var leder = await fx.LoginAsync("leder1", phone);
        await leder.GotoAsync("/Overview");
        await Assertions.Expect(leder.Locator("a[href^='/Overview/Rows']")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(leder);
        await AssertNoSidewaysScrollingAsync(leder);
        await ScreenshotAsync(leder, phone ? "dashboard-leder-390" : "dashboard-leder-1280");
        await leder.Context.CloseAsync();

        var admin = await fx.LoginAsync("admin1", phone);
        await admin.GotoAsync("/Admin/Targets");
        await Axe.AssertAccessibleAsync(admin);
        await admin.ClickAsync("form.trinn-form button[type=submit] >> nth=0");
        await Assertions.Expect(admin.Locator("#Input_Key-error")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(admin);
        await AssertNoSidewaysScrollingAsync(admin);
        await admin.GotoAsync("/Admin");
        await admin.Locator("a[href^='/Admin/Memberships/']").First.ClickAsync();
        await Pages.WaitForUrlAsync(admin, new Regex("/Admin/Memberships/"));
        await Axe.AssertAccessibleAsync(admin);
        await admin.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page) =>
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), page.Url + " scrolls sideways");

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TRINN_SCREENSHOTS") is { Length: > 0 } folder)
        {
            // In pieces a screen high, so each can be looked at in full.
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            var width = page.ViewportSize!.Width;
            for (var (y, n) = (0, 0); y < height; y += 1200, n++)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(folder, $"{name}-{n}.png"),
                    FullPage = true,
                    Clip = new Clip { X = 0, Y = y, Width = width, Height = Math.Min(1200, height - y) },
                });
            }
        }
    }

    /// <summary>Half a year of work for Team 1: candidates in follow-up, a paid job with its plan, employer contacts and logged time.</summary>
    private async Task SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            using var scope = fx.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var now = DateTime.UtcNow;
            var team = await db.Teams.SingleAsync(t => t.Name == "Team 1");
            var js1 = await db.Users.SingleAsync(u => u.UserName == "js1");
            var nav = await db.Users.SingleAsync(u => u.UserName == "nav1");
            var random = new Random(11);
            var candidates = new List<Candidate>();
            for (var i = 0; i < 14; i++)
            {
                var referred = today.AddDays(-20 - (i * 12));
                var c = new Candidate
                {
                    TeamId = team.Id,
                    FirstName = "Dashbord",
                    LastName = "Kandidat" + i,
                    PrimarySpecialistId = js1.Id,
                    CreatedAtUtc = now,
                    NationalId = NationalIdNumber.CreateSynthetic(new DateOnly(1985, 1 + (i % 12), 10), random),
                    Referral = new Referral { ReferredById = nav.Id, ReferredOn = referred, Reason = "Arbeid", RegisteredById = nav.Id, RegisteredAtUtc = now },
                };
                c.Start(referred, nav.Id, now);
                c.MoveToStage(2, referred.AddDays(5), "Avtale", js1.Id, today, now);
                c.MoveToStage(3, referred.AddDays(10), "Profil", js1.Id, today, now);
                candidates.Add(c);
            }

            db.AddRange(candidates);
            var employer = new Employer { TeamId = team.Id, Sector = EmployerSector.Private, CreatedAtUtc = now };
            employer.Rename("Dashbord Lager AS", "974760673");
            db.Add(employer);
            await db.SaveChangesAsync();

            var job = Placement.Register(candidates[^1].Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 60, today.AddDays(-100), null, js1.Id, now);
            db.Add(job);
            foreach (var (date, kind) in FollowUpPlanner.Plan(job.StartDate))
            {
                var f = FollowUp.Planned(job.CandidateId, kind, date);
                f.Placement = job;
                if (date < today)
                {
                    f.MarkDone(date.AddDays(random.Next(0, 3)), FollowUpDoneBy.JournalNote);
                }

                db.Add(f);
            }

            for (var d = today.AddDays(-180); d <= today; d = d.AddDays(1))
            {
                if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                db.Add(TimeBlock.Create(js1.Id, d, 180, TimeCategory.WithCandidate, true, null, today, now));
                db.Add(TimeBlock.Create(js1.Id, d, 240, TimeCategory.OfficeWork, false, null, today, now));
                db.Add(EmployerContact.Create(employer.Id, js1.Id, d, d.DayOfWeek == DayOfWeek.Friday ? EmployerContactKind.Phone : EmployerContactKind.Visit,
                    EmployerContactPurpose.PresentCandidate, false, 30, null, [candidates[random.Next(candidates.Count)].Id], today, now));
            }

            await db.SaveChangesAsync();
            _seeded = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
