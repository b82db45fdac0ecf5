using Ariadne.Matching.Index;

namespace Ariadne.Matching.Tests.Index;

/// <summary>The postings store under both indexes: ids ascending, once each, storage freed with the last id.</summary>
public sealed class PostingsStoreTests
{
    [Fact]
    public void Ids_come_back_ascending_and_once_whatever_the_order_added()
    {
        var store = new PostingsStore<string>(StringComparer.Ordinal);
        foreach (var id in new[] { 9, 3, 7, 3, 1, 9, 12 })
        {
            store.Add("+40721234567", id);
        }

        Assert.Equal([1, 3, 7, 9, 12], store.Lookup("+40721234567").ToArray());
        Assert.Equal(1, store.KeyCount);
    }

    [Fact]
    public void A_key_whose_last_id_goes_is_forgotten_and_its_slot_reused()
    {
        var store = new PostingsStore<string>(StringComparer.Ordinal);
        var first = store.Add("a", 1);
        store.Add("a", 2);
        var second = store.Add("b", 1);

        Assert.True(store.Remove(first, 1));
        Assert.Equal([2], store.Lookup("a").ToArray());
        Assert.True(store.Remove(first, 2));
        Assert.False(store.Remove(first, 2));

        Assert.False(store.TryGetSlot("a", out _));
        Assert.True(store.Lookup("a").IsEmpty);
        Assert.Equal(first, store.Add("c", 5)); // the freed slot, not a new one
        Assert.Equal(new[] { first, second }.Order(), store.LiveSlots().Order());
        Assert.Equal(2, store.SlotCount);
    }

    [Fact]
    public void Large_postings_shrink_back_to_a_single_inline_id()
    {
        var store = new PostingsStore<string>(StringComparer.Ordinal);
        var slot = 0;
        for (var id = 0; id < 1000; id++)
        {
            slot = store.Add("switchboard", id);
        }
        for (var id = 0; id < 999; id++)
        {
            Assert.True(store.Remove(slot, id));
        }

        Assert.Equal([999], store.PostingsAt(slot).ToArray());
        Assert.Equal("switchboard", store.KeyAt(slot));
    }

    private sealed record NameKey(string Skeleton, int Length);

    [Fact]
    public void Any_key_type_can_be_stored_so_the_name_index_can_reuse_it()
    {
        var store = new PostingsStore<NameKey>();
        store.Add(new NameKey("DMTRV", 8), 4);
        store.Add(new NameKey("DMTRV", 8), 2);

        Assert.Equal([2, 4], store.Lookup(new NameKey("DMTRV", 8)).ToArray());
        Assert.True(store.Lookup(new NameKey("DMTRV", 9)).IsEmpty);
    }

    [Fact]
    public void Negative_ids_are_refused()
    {
        var store = new PostingsStore<string>();
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Add("a", -1));
        Assert.Equal(0, store.KeyCount);
    }
}
