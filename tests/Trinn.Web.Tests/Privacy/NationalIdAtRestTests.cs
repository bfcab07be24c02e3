using System.Text;
using Microsoft.Data.Sqlite;
using Trinn.Core.NationalIds;

namespace Trinn.Web.Tests.Privacy;

public sealed class NationalIdAtRestTests(TrinnFactory factory) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task RawDatabaseFile_DoesNotContainNationalIds_ButDoesContainNames()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidates = new List<Trinn.Core.Candidates.Candidate>();
        for (var i = 0; i < 3; i++)
        {
            candidates.Add(await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder));
        }

        var path = await factory.Data.WithDbAsync(db => Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
        SqliteConnection.ClearAllPools();
        var raw = ReadShared(path) + ReadShared(path + "-wal");

        // The grep works: names are stored in clear text and found.
        Assert.Contains(candidates[0].LastName, raw, StringComparison.Ordinal);
        foreach (var c in candidates)
        {
            Assert.DoesNotContain(c.NationalId, raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StoredValue_DecryptsOnReadAndMatchesByLookupHash()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder);

        var loaded = await factory.Data.LoadCandidateAsync(candidate.Id);
        var byHash = await factory.Data.WithDbAsync(db =>
            db.Candidates.Where(c => c.NationalIdHash == NationalIdProtector.Current.LookupHash(candidate.NationalId)).Select(c => c.Id).ToListAsync());
        var stored = await factory.Data.WithDbAsync(db =>
            db.Database.SqlQuery<string>($"SELECT NationalId AS Value FROM Candidates WHERE Id = {candidate.Id}").SingleAsync());

        Assert.Equal(candidate.NationalId, loaded.NationalId);
        Assert.Equal([candidate.Id], byHash);
        Assert.NotEqual(candidate.NationalId, stored);
        Assert.Equal(candidate.NationalId, NationalIdProtector.Current.Unprotect(stored));
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.Latin1.GetString(memory.ToArray());
    }
}
