using System.Globalization;
using Trinn.Core.Audit;
using Trinn.Core.Identity;
using Trinn.Core.Research;

namespace Trinn.Web.Tests.Research;

/// <summary>An admin grants a forsker one study at a time; without a grant the study does not exist for them (404, audited).</summary>
public abstract class StudyGrantTests(TrinnFactory app)
{
    [Fact]
    public async Task Forsker_SeesAndDownloadsOnlyGrantedStudies_OtherStudiesAre404AndAudited()
    {
        var (granted, other) = (await AddStudyAsync(), await AddStudyAsync());
        var forsker = await app.Data.AddUserAsync(Roles.Forsker);
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        using (var saved = await admin.SubmitAsync($"/Studies/Researchers/{granted.Id}", new() { ["Input.UserIds"] = forsker.Id }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);
        var list = await client.GetHtmlAsync("/Research/Studies");
        using var grantedPage = await client.GetAsync($"/Research/Export/{granted.Id}");
        using var grantedFile = await client.GetAsync($"/Research/Export/{granted.Id}?handler=Download&format=xlsx");
        using var otherPage = await client.GetAsync($"/Research/Export/{other.Id}");
        using var otherFile = await client.GetAsync($"/Research/Export/{other.Id}?handler=Download&format=xlsx");

        Assert.Contains(granted.Name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, grantedPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, grantedFile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherFile.StatusCode);
        var denied = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Action == AuditAction.AccessDenied && e.EntityType == nameof(Study) && e.EntityId == other.Id.ToString(CultureInfo.InvariantCulture) && e.UserId == forsker.Id));
        Assert.Equal(2, denied);
    }

    [Fact]
    public async Task Grant_Withdrawn_StudyIsGoneForTheForskerAndTheChangeIsAudited()
    {
        var study = await AddStudyAsync();
        var forsker = await app.Data.AddUserAsync(Roles.Forsker);
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        using (var saved = await admin.SubmitAsync($"/Studies/Researchers/{study.Id}", new() { ["Input.UserIds"] = forsker.Id }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains($"value=\"{forsker.Id}\" checked", await admin.GetHtmlAsync($"/Studies/Researchers/{study.Id}"), StringComparison.Ordinal);
        using (var withdrawn = await admin.SubmitAsync($"/Studies/Researchers/{study.Id}", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);
        using var page = await client.GetAsync($"/Research/Export/{study.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var changes = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(StudyResearcher) && e.EntityId!.StartsWith(study.Id.ToString(CultureInfo.InvariantCulture) + ",")).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Delete], changes);
    }

    [Fact]
    public async Task Grant_ToSomeoneWhoIsNotForsker_RefusedAtTheField()
    {
        var study = await AddStudyAsync();
        var leder = await app.Data.AddUserAsync(Roles.Leder);
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);

        using var refused = await admin.SubmitAsync($"/Studies/Researchers/{study.Id}", new() { ["Input.UserIds"] = leder.Id });

        Assert.Equal("Velg bare brukere med rollen forsker.", ResponseExtensions.FieldError(await refused.Content.ReadAsStringAsync(), "Input_UserIds"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Set<StudyResearcher>().CountAsync(r => r.StudyId == study.Id)));
    }

    private async Task<Study> AddStudyAsync()
    {
        var team = await app.Data.AddTeamAsync();
        var admin = await app.Data.AddUserAsync(Roles.Admin);
        return await app.Data.WithDbAsync(async db =>
        {
            var study = Study.Create(TestData.Unique("Studie "), false, [team.Id], admin.Id, DateTime.UtcNow);
            db.Add(study);
            await db.SaveChangesAsync();
            return study;
        });
    }
}

public sealed class StudyGrantSqliteTests(TrinnFactory app) : StudyGrantTests(app), IClassFixture<TrinnFactory>;

public sealed class StudyGrantPostgresTests(PostgresTrinnFactory app) : StudyGrantTests(app), IClassFixture<PostgresTrinnFactory>;
