using System.IO.Compression;
using System.Text;
using Trinn.Core.Demo;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Core.Research;

namespace Trinn.Web.Tests.Research;

/// <summary>The demo installation's study, downloaded by the forsker: research IDs in, every personal value of every demo candidate out.</summary>
public sealed class DemoResearchExportTests : IClassFixture<DemoResearchExportTests.DemoApp>
{
    private readonly DemoApp app;

    public DemoResearchExportTests(DemoApp app) => this.app = app;

    [Fact]
    public async Task DemoStudy_ForskerCsvAndXlsx_HoldResearchIdsAndNoPersonalValues()
    {
        var (researchIds, personal) = await app.Data.WithDbAsync(async db =>
        {
            var ids = await db.Set<StudyParticipant>().Select(p => p.ResearchId).ToListAsync();
            var candidates = await db.Candidates.AsNoTracking().Include(c => c.Referral).Include(c => c.Agreement)
                .Include(c => c.StageChanges).Include(c => c.JournalNotes).Include(c => c.ProfileVersions).AsSplitQuery().ToListAsync();
            var values = new List<string?>();
            foreach (var c in candidates)
            {
                values.AddRange([c.FirstName, c.LastName, c.FullName, c.NationalId, c.Phone, c.Email, c.Address, c.NextAction, c.DischargeNote,
                    c.Referral?.Reason, c.Agreement?.Agreed]);
                values.AddRange(c.StageChanges.Select(s => s.Reason));
                values.AddRange(c.JournalNotes.Select(n => n.Text));
                values.AddRange(c.ProfileVersions.SelectMany(p => new[]
                {
                    p.Interests, p.WorkExperience, p.Education, p.Strengths, p.Challenges, p.Friskfaktorer, p.PreferredIndustries,
                    p.PreferredHours, p.PreferredPlaces, p.Adaptations, p.PersonalContacts,
                }));
            }

            values.AddRange(await db.Set<FollowUp>().Select(f => f.Note).ToListAsync());
            values.AddRange(await db.Set<SupportMeasure>().Select(m => m.MentorName).ToListAsync());
            values.AddRange(await db.Set<SupportMeasure>().Select(m => m.Text).ToListAsync());
            values.AddRange(await db.Set<EmployerContact>().Select(c => c.Note).ToListAsync());
            values.AddRange(await db.Set<Employer>().Select(e => e.Name).ToListAsync());
            values.AddRange(await db.Teams.Select(t => t.Name).ToListAsync());
            // Values under three characters match too much by chance to say anything.
            return (ids, values.OfType<string>().Where(v => v.Trim().Length >= 3).Distinct().ToList());
        });
        // About 30 % of the demo's 150–320 candidates consent to research (issue #11 gave the demo two years of history).
        Assert.InRange(researchIds.Count, 30, 120);
        Assert.Contains(personal, v => v.Length > 20);
        using var forsker = await BrowserClient.LoginAsync(app, "forsker1", Password);
        var study = await app.Data.WithDbAsync(db => db.Set<Study>().Select(s => s.Id).SingleAsync());

        var texts = new Dictionary<string, string>();
        foreach (var file in StudyDataset.Files)
        {
            var csv = await forsker.GetAsync($"/Research/Export/{study}?handler=Download&format=csv&file={file}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            texts[file] = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        }

        var xlsx = await forsker.GetAsync($"/Research/Export/{study}?handler=Download&format=xlsx");
        using (var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            var cells = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || e.FullName == "xl/sharedStrings.xml"))
            {
                using var reader = new StreamReader(entry.Open());
                cells.Append(WebUtility.HtmlDecode(await reader.ReadToEndAsync()));
            }

            texts["xlsx"] = cells.ToString();
        }

        foreach (var (name, text) in texts)
        {
            var leaked = personal.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{name} holds: {string.Join(" | ", leaked)}");
        }

        Assert.All(researchIds, id => Assert.Contains(id, texts["participants"], StringComparison.Ordinal));
        Assert.All(researchIds, id => Assert.Contains(id, texts["xlsx"], StringComparison.Ordinal));
    }

    private static string Password => Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : DemoSeeder.DefaultPassword;

    public sealed class DemoApp : TrinnFactory
    {
        protected override string EnvironmentName => "Development";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = ProductionFactory.WithProductionKeys(base.Settings());
            settings["Demo:Enabled"] = "true";
            return settings;
        }
    }
}
