using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Mnet.Service.Ports;

namespace Mnet.Service.Tickets;

/// <summary>
/// Tickets and decisions in one Azure Table (in the Functions host storage account): PartitionKey <c>ticket</c> /
/// RowKey ticket id (insert-if-absent: first claim wins across all instances), PartitionKey <c>decision</c> / RowKey
/// instance id (insert-if-absent, or replace If-Match the ETag read: exactly one decision per question). The table is
/// created on first use. Storage failures throw <see cref="TicketStoreException"/> (503), never "not found".
/// </summary>
public sealed partial class TableTicketStore : ITicketStore
{
    const string TicketPartition = "ticket";
    const string DecisionPartition = "decision";
    const int MaxDecisionAttempts = 8;

    readonly TableClient table;
    readonly SemaphoreSlim createGate = new(1, 1);
    volatile bool created;

    public TableTicketStore(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!TableName().IsMatch(tableName ?? "")) throw new ArgumentException($"invalid table name \"{tableName}\"", nameof(tableName));
        table = service.GetTableClient(tableName);
    }

    /// <summary><c>mnettickets{taskhub}</c>: letters and digits of the task hub, lower-cased, at most 63 characters.</summary>
    public static string TableNameFor(string taskHub)
    {
        ArgumentNullException.ThrowIfNull(taskHub);
        string name = "mnettickets" + new string([.. taskHub.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant();
        return name.Length > 63 ? name[..63] : name;
    }

    public async Task<TicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var found = await ReadAsync(TicketPartition, ticketId, "read ticket", cancellationToken);
        return found is null ? null : ToTicket(found);
    }

    public async Task<TicketClaim> ClaimAsync(TicketRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (await TryAddAsync(FromTicket(record), "claim ticket", cancellationToken)) return new TicketClaim(true, record);
            var existing = await ReadAsync(TicketPartition, record.TicketId, "read ticket", cancellationToken);
            // Deleted between our insert and our read: try the insert once more.
            if (existing is not null) return new TicketClaim(false, ToTicket(existing));
        }

        throw new TicketStoreException("claim ticket", 409);
    }

    public async Task ReleaseAsync(string ticketId, string instanceId, CancellationToken cancellationToken = default)
    {
        var existing = await ReadAsync(TicketPartition, ticketId, "read ticket", cancellationToken);
        if (existing is null || existing.GetString("instanceId") != instanceId) return;
        // If-Match on the ETag: never delete a record someone rewrote since we read it.
        await DeleteAsync(existing, "release ticket", cancellationToken);
    }

    public async Task<DecisionRecord?> GetDecisionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var found = await ReadAsync(DecisionPartition, instanceId, "read decision", cancellationToken);
        return found is null ? null : ToDecision(found);
    }

    public async Task<DecisionClaim> ClaimDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var entity = FromDecision(decision);
        for (int attempt = 0; attempt < MaxDecisionAttempts; attempt++)
        {
            var existing = await ReadAsync(DecisionPartition, decision.InstanceId, "read decision", cancellationToken);
            if (existing is null)
            {
                if (await TryAddAsync(entity, "record decision", cancellationToken)) return new DecisionClaim(true, decision);
                continue;
            }

            var current = ToDecision(existing);
            if (current.Answers(decision.RunId, decision.PlanHash)) return new DecisionClaim(false, current);
            // An earlier question's decision: replaced only if nobody changed it since we read it.
            if (await TryReplaceAsync(entity, existing.ETag, cancellationToken)) return new DecisionClaim(true, decision);
        }

        throw new TicketStoreException("record decision", 412);
    }

    public async Task ReleaseDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var existing = await ReadAsync(DecisionPartition, decision.InstanceId, "read decision", cancellationToken);
        if (existing is null || ToDecision(existing) != decision) return;
        await DeleteAsync(existing, "release decision", cancellationToken);
    }

    async Task<TableEntity?> ReadAsync(string partition, string rowKey, string operation, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        try
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException e)
        {
            throw new TicketStoreException(operation, e.Status, e);
        }
    }

    /// <summary>False when the row exists already (409).</summary>
    async Task<bool> TryAddAsync(TableEntity entity, string operation, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException e)
        {
            throw new TicketStoreException(operation, e.Status, e);
        }
    }

    /// <summary>False when the row changed or vanished since it was read (412, 404).</summary>
    async Task<bool> TryReplaceAsync(TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
        catch (RequestFailedException e)
        {
            throw new TicketStoreException("record decision", e.Status, e);
        }
    }

    async Task DeleteAsync(TableEntity existing, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(existing.PartitionKey, existing.RowKey, existing.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone or rewritten meanwhile: not ours to delete any more.
        }
        catch (RequestFailedException e)
        {
            throw new TicketStoreException(operation, e.Status, e);
        }
    }

    async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (created) return;
        await createGate.WaitAsync(cancellationToken);
        try
        {
            if (created) return;
            await table.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }
        catch (RequestFailedException e)
        {
            throw new TicketStoreException("create table", e.Status, e);
        }
        finally
        {
            createGate.Release();
        }
    }

    static TableEntity FromTicket(TicketRecord r) => new(TicketPartition, r.TicketId)
    {
        ["instanceId"] = r.InstanceId,
        ["kind"] = JsonSerializer.Serialize(r.Kind).Trim('"'),
        ["workspaceId"] = r.WorkspaceId,
        ["createdAt"] = r.CreatedAt,
        ["requestedBy"] = r.RequestedBy,
        ["authenticatedAs"] = r.AuthenticatedAs,
        ["requesterAliases"] = JsonSerializer.Serialize(r.RequesterAliases),
    };

    static TicketRecord ToTicket(TableEntity e)
    {
        string? instanceId = e.GetString("instanceId");
        string? kindText = e.GetString("kind");
        if (instanceId is null || kindText is null) throw new TicketStoreException("read ticket (unexpected entity)", null);
        TicketKind kind;
        try
        {
            kind = JsonSerializer.Deserialize<TicketKind>($"\"{kindText}\"");
        }
        catch (JsonException ex)
        {
            throw new TicketStoreException("read ticket (unexpected kind)", null, ex);
        }

        return new TicketRecord(e.RowKey, instanceId, kind, e.GetString("workspaceId") ?? "",
            e.GetDateTimeOffset("createdAt") ?? DateTimeOffset.MinValue, e.GetString("requestedBy"), e.GetString("authenticatedAs"))
        {
            RequesterAliases = Aliases(e.GetString("requesterAliases")),
        };
    }

    static TableEntity FromDecision(DecisionRecord d) => new(DecisionPartition, d.InstanceId)
    {
        ["runId"] = d.RunId,
        ["planHash"] = d.PlanHash,
        ["approved"] = d.Approved,
        ["approver"] = d.Approver,
        ["authenticatedAs"] = d.AuthenticatedAs,
        ["decidedAt"] = d.DecidedAt,
        ["comment"] = d.Comment,
    };

    static DecisionRecord ToDecision(TableEntity e) => new(
        e.RowKey,
        e.GetString("runId") ?? "",
        e.GetString("planHash") ?? "",
        e.GetBoolean("approved") ?? false,
        e.GetString("approver") ?? "",
        e.GetString("authenticatedAs") ?? "",
        e.GetDateTimeOffset("decidedAt") ?? DateTimeOffset.MinValue,
        e.GetString("comment"));

    static IReadOnlyList<string> Aliases(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
