using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>
/// The user's own page: personal API tokens with scope and expiry, created and revoked here. Pages never accept a
/// token (only the sign-in cookie), so a token can neither make nor revoke tokens.
/// </summary>
public sealed class ProfileModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<AccountResource> a, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NewTokenInput Input { get; set; } = new();

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    public List<SelectListItem> Scopes { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Input = new NewTokenInput { ExpiresOn = NorwegianTime.Today(time).AddDays(ApiToken.DefaultLifetimeDays) };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            string? secret = null;
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
            {
                (var token, secret) = ApiToken.Create(
                    User.UserId(), Input.Name.Trim(), Input.Scope!.Value, NorwegianTime.EndOfDayUtc(Input.ExpiresOn!.Value), time.GetUtcNow().UtcDateTime);
                db.ApiTokens.Add(token);
                return Task.CompletedTask;
            }, ModelState, t, ex => a[ex.MessageKey, ApiToken.MaxLifetimeDays]);
            if (outcome == SaveOutcome.Saved)
            {
                NewSecret = secret;
                Input = new NewTokenInput { ExpiresOn = NorwegianTime.Today(time).AddDays(ApiToken.DefaultLifetimeDays) };
                ModelState.Clear();
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var userId = User.UserId();
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        Tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAtUtc).Take(100)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.Scope, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc))
            .ToListAsync();
        Scopes = Enum.GetValues<ApiTokenScope>()
            .Select(s => new SelectListItem(a["TokenScope_" + s], ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}

public sealed class NewTokenInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(100, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_TokenName")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_TokenScope")]
    public ApiTokenScope? Scope { get; set; } = ApiTokenScope.Read;

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_TokenExpiresOn")]
    public DateOnly? ExpiresOn { get; set; }
}

public sealed record TokenRow(
    int Id, string Name, string Hint, ApiTokenScope Scope, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc)
{
    /// <summary>The last Norwegian day the token answers (it expires at the following midnight).</summary>
    public DateOnly ValidThrough => DateOnly.FromDateTime(NorwegianTime.ToLocal(ExpiresAtUtc).AddTicks(-1));
}

/// <summary>Marker for the account and user-administration texts (Resources/Features/Account/AccountResource.resx).</summary>
public sealed class AccountResource;
