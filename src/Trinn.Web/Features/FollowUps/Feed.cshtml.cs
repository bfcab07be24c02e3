using System.Security.Cryptography;
using System.Text;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.FollowUps;

/// <summary>
/// The private iCalendar feed of one specialist: open follow-ups and next planned actions of their own candidates.
/// Anonymous, reached with the secret only. Calendars leak (shared, synced to phones), so events carry initials and a
/// link, never names or national IDs. Clients are told to poll at most every 15 minutes and get 304 when nothing changed.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class FeedModel(TrinnDbContext db, TimeProvider time, PublicUrls urls) : PageModel
{
    public const int CacheSeconds = 900;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return NotFound();
        }

        var hash = CalendarFeedToken.Hash(token);
        var owner = await db.Set<CalendarFeedToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAtUtc == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { u.Id, u.DeactivatedAtUtc, u.LockoutEnd })
            .SingleOrDefaultAsync();
        // A locked or deactivated account's feed stops answering, as its sign-in does.
        if (owner is null || TrinnUser.IsBlocked(owner.DeactivatedAtUtc, owner.LockoutEnd, time.GetUtcNow()))
        {
            return NotFound();
        }

        var userId = owner.Id;

        var today = NorwegianTime.Today(time);
        var from = today.AddDays(-30);
        var mine = db.Candidates.AsNoTracking().Where(c => c.PrimarySpecialistId == userId && c.DischargedOn == null);
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.DoneOn == null && f.ClosedOn == null && f.PlannedDate >= from && mine.Any(c => c.Id == f.CandidateId))
            .OrderBy(f => f.PlannedDate).ThenBy(f => f.Id).Take(1000)
            .Select(f => new { f.Id, f.CandidateId, f.PlannedDate, f.Kind, First = f.Candidate!.FirstName, Last = f.Candidate.LastName })
            .ToListAsync();
        var actions = await mine.Where(c => c.NextActionDate != null && c.NextActionDate >= from)
            .Select(c => new { c.Id, Date = c.NextActionDate!.Value, First = c.FirstName, Last = c.LastName })
            .ToListAsync();

        var baseUrl = urls.For(Request, "");
        var events = followUps
            .Select(f => new CalendarEvent(
                $"followup-{f.Id}@trinn", f.PlannedDate, $"Oppfølging ({Initials(f.First, f.Last)})",
                FollowUpText(f.Kind), $"{baseUrl}/FollowUps/Index/{f.CandidateId}"))
            .Concat(actions.Select(a => new CalendarEvent(
                $"nextaction-{a.Id}@trinn", a.Date, $"Neste steg ({Initials(a.First, a.Last)})", null, $"{baseUrl}/Candidates/Details/{a.Id}")))
            .OrderBy(e => e.Date)
            .ToList();

        // DTSTAMP is the day's start so the body, and its ETag, only change when the plan changes.
        var stamp = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var body = ICalendarWriter.Write("Trinn – oppfølging", events, stamp);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32] + "\"";
        Response.Headers.ETag = etag;
        Response.Headers.CacheControl = $"private, max-age={CacheSeconds}";
        Response.Headers["X-Robots-Tag"] = "noindex";
        if (Request.Headers.IfNoneMatch.ToString() == etag)
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return Content(body, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>"Kari Nordmann" → "K.N.": enough for the specialist, little for anyone else who sees the calendar.</summary>
    public static string Initials(string first, string last) =>
        (first.Length > 0 ? char.ToUpperInvariant(first[0]) + "." : "") + (last.Length > 0 ? char.ToUpperInvariant(last[0]) + "." : "");

    private static string FollowUpText(FollowUpKind kind) => kind switch
    {
        FollowUpKind.BeforeStart => "Møte før oppstart",
        FollowUpKind.AfterStart => "Oppfølging innen 3 dager etter oppstart",
        FollowUpKind.Weekly => "Ukentlig oppfølging, første måned",
        FollowUpKind.Monthly => "Månedlig oppfølging, første år",
        FollowUpKind.Extra or _ => "Planlagt oppfølging",
    };
}
