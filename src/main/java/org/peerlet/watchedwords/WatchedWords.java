package org.peerlet.watchedwords;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.TextFields;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lists of watched words: an account's own, kept by its user, and the instance's, kept by
 * moderators. A text "contains" a word when it has it whole, in any case ("ass" is not in "class").
 */
public final class WatchedWords {
    static final int MAX_NAME = 100;
    static final int MAX_WORDS = 500;
    static final int MAX_WORD = 100;
    static final int MAX_LISTS = 100;

    /** A page of lists and how many there are. */
    public record Page(int total, List<WordList> data) {
    }

    private final Database db;
    private final WatchedWordsRepository repo = new WatchedWordsRepository();
    private final AccountDirectory accounts;
    private final Clock clock;
    private final long instanceAccountId;

    public WatchedWords(Database db, AccountDirectory accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.instanceAccountId = accounts.instance().id();
    }

    /** The account whose lists these are: a local account its user (or a moderator) manages; empty for the instance's. */
    public long owner(User user, Optional<String> accountName) {
        if (accountName.isEmpty()) {
            if (!user.canModerate()) throw ApiError.forbidden("only moderators manage the instance's watched words");
            return instanceAccountId;
        }
        Account a = accounts.byName(accountName.get(), "").orElseThrow(() -> ApiError.notFound("Account not found"));
        if (!user.canModerate() && !java.util.Objects.equals(a.userId(), user.id())) {
            throw ApiError.forbidden("these watched words are not yours");
        }
        return a.id();
    }

    public Page lists(long owner, int start, int count) {
        return new Page(repo.count(db.dsl(), owner), repo.ofAccounts(db.dsl(), List.of(owner), start, count));
    }

    public long create(long owner, String name, List<String> words) {
        String n = checkName(name);
        List<String> w = checkWords(words);
        return db.write(tx -> {
            if (repo.count(tx, owner) >= MAX_LISTS) throw ApiError.conflict("at most " + MAX_LISTS + " lists of watched words");
            if (repo.nameTaken(tx, owner, n, -1)) throw ApiError.conflict("a list of this name exists already");
            return repo.insert(tx, owner, n, w, clock.millis());
        });
    }

    /** Renames a list or replaces its words; either may be left out. */
    public void update(long owner, long id, Optional<String> name, Optional<List<String>> words) {
        WordList l = list(owner, id);
        String n = name.map(WatchedWords::checkName).orElse(l.listName());
        List<String> w = words.map(WatchedWords::checkWords).orElse(l.words());
        db.writeVoid(tx -> {
            if (repo.nameTaken(tx, owner, n, id)) throw ApiError.conflict("a list of this name exists already");
            repo.update(tx, id, n, w, clock.millis());
        });
    }

    public void delete(long owner, long id) {
        list(owner, id);
        db.writeVoid(tx -> repo.delete(tx, id));
    }

    private WordList list(long owner, long id) {
        return repo.byId(db.dsl(), id).filter(l -> l.accountId() == owner)
                .orElseThrow(() -> ApiError.notFound("Watched words list not found"));
    }

    /** Whether the text contains a word of the instance's lists or of this account's (a video's owner, or null). */
    public boolean watched(Long ownerAccountId, String text) {
        List<Long> owners = new ArrayList<>(List.of(instanceAccountId));
        if (ownerAccountId != null) owners.add(ownerAccountId);
        String lower = text.toLowerCase(Locale.ROOT);
        for (WordList l : repo.ofAccounts(db.dsl(), owners, 0, Integer.MAX_VALUE)) {
            for (String word : l.words()) {
                String w = word.toLowerCase(Locale.ROOT);
                if (lower.contains(w) && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])")
                        .matcher(lower).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String checkName(String name) {
        TextFields.oneLine("listName", name, 1, MAX_NAME);
        return name.strip();
    }

    private static List<String> checkWords(List<String> words) {
        if (words == null || words.isEmpty() || words.size() > MAX_WORDS) {
            throw ApiError.badField("words", "words must hold 1 to " + MAX_WORDS + " words");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String w : words) {
            TextFields.oneLine("words", w, 1, MAX_WORD);
            out.add(w.strip());
        }
        return List.copyOf(out);
    }
}
