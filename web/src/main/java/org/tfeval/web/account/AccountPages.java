package org.tfeval.web.account;

import java.util.List;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;
import org.tfeval.web.Chrome;

/** The models of the account pages. */
public final class AccountPages {
    private AccountPages() {}

    /**
     * The account list with the creation form.
     *
     * @param chrome     the page around it
     * @param accounts   every account
     * @param roles      the roles to choose from
     * @param taskForces the known task forces
     * @param error      why the last attempt failed, or null
     */
    public record ListPage(
            Chrome chrome, List<Account> accounts, List<Role> roles, List<String> taskForces, String error) {
        public ListPage {
            accounts = List.copyOf(accounts);
            roles = List.copyOf(roles);
            taskForces = List.copyOf(taskForces);
        }
    }

    /**
     * A one-time password, shown once.
     *
     * @param chrome   the page around it
     * @param name     the account
     * @param password the password
     */
    public record PasswordShown(Chrome chrome, String name, String password) {}
}
