using Trinn.Core.FollowUps;

namespace Trinn.Web.Features.FollowUps;

/// <summary>The specialist's own calendar feed address: make a new one (the old stops working) or turn it off.</summary>
public sealed class CalendarModel(TrinnDbContext db, TimeProvider time, PublicUrls urls) : PageModel
{
    public bool Active { get; private set; }

    public DateTime? CreatedAtUtc { get; private set; }

    public string? NewUrl { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        await RevokeAllAsync(now);
        var (token, secret) = CalendarFeedToken.Create(User.UserId(), now);
        db.Add(token);
        await db.SaveChangesAsync();
        NewUrl = urls.For(Request, $"/FollowUps/Feed/{secret}");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        await RevokeAllAsync(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task RevokeAllAsync(DateTime now)
    {
        var me = User.UserId();
        foreach (var t in await db.Set<CalendarFeedToken>().Where(t => t.UserId == me && t.RevokedAtUtc == null).ToListAsync())
        {
            t.RevokedAtUtc = now;
        }
    }

    private async Task LoadAsync()
    {
        var me = User.UserId();
        CreatedAtUtc = await db.Set<CalendarFeedToken>().AsNoTracking().Where(t => t.UserId == me && t.RevokedAtUtc == null)
            .Select(t => (DateTime?)t.CreatedAtUtc).MaxAsync();
        Active = CreatedAtUtc is not null;
    }
}
