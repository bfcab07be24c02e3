using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.Account;

/// <summary>The user's own page: personal API tokens, created and revoked here.</summary>
public sealed class ProfileModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewTokenInput Input { get; set; } = new();

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var (token, secret) = ApiToken.Create(User.UserId(), Input.Name.Trim(), time.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        NewSecret = secret;
        Input = new NewTokenInput();
        ModelState.Clear();
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

        token.RevokedAtUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = User.UserId();
        Tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc))
            .ToListAsync();
    }
}

public sealed class NewTokenInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(100, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_TokenName")]
    public string Name { get; set; } = "";
}

public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);
